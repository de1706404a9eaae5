// Shopify's side of embedded auth for the one app installed in the sandbox: App Bridge session
// tokens (HS256, signed with the app secret), token exchange and refresh at
// /admin/oauth/access_token, and the access tokens the Admin API accepts.
import { randomBytes, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

export type InstalledApp = { apiKey: string; secret: string; appUrl: string; scopes: string };

type Grant = { shop: string; expiresAt: number | null };

export class SandboxAuth {
  private accessTokens = new Map<string, Grant>();
  private refreshTokens = new Map<string, Grant & { accessToken: string }>();
  constructor(
    public app: InstalledApp,
    private now: () => number = Date.now,
  ) {}

  async sessionToken(shop: string, userId = "1"): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({ iss: `https://${shop}/admin`, dest: `https://${shop}`, sid: randomUUID() })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setAudience(this.app.apiKey)
      .setSubject(userId)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + 60)
      .setJti(randomUUID())
      .sign(new TextEncoder().encode(this.app.secret));
  }

  /** Whether `token` lets its bearer call the Admin API of `shop`. */
  accepts(shop: string, token: string | null): boolean {
    const grant = token ? this.accessTokens.get(token) : undefined;
    return !!grant && grant.shop === shop && (grant.expiresAt === null || grant.expiresAt > this.now());
  }

  revoke(shop: string) {
    for (const [token, grant] of this.accessTokens) if (grant.shop === shop) this.accessTokens.delete(token);
    for (const [token, grant] of this.refreshTokens)
      if (grant.shop === shop) this.refreshTokens.delete(token);
  }

  /** POST /admin/oauth/access_token: status and JSON body as Shopify answers. */
  async accessTokenRequest(
    shop: string,
    body: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    if (body.client_id !== this.app.apiKey || body.client_secret !== this.app.secret) {
      return {
        status: 401,
        body: { error: "invalid_client", error_description: "Client credentials are invalid" },
      };
    }
    if (body.grant_type === "urn:ietf:params:oauth:grant-type:token-exchange") {
      try {
        const { payload } = await jwtVerify(
          body.subject_token ?? "",
          new TextEncoder().encode(this.app.secret),
          {
            audience: this.app.apiKey,
            clockTolerance: 10,
          },
        );
        if (payload.dest !== `https://${shop}`) throw new Error("token is for another shop");
      } catch {
        return {
          status: 400,
          body: {
            error: "invalid_subject_token",
            error_description: "The subject token is invalid or expired",
          },
        };
      }
      if (body.requested_token_type !== "urn:shopify:params:oauth:token-type:offline-access-token") {
        return {
          status: 400,
          body: {
            error: "unsupported_token_type",
            error_description: "not implemented in sandbox: online access tokens",
          },
        };
      }
      return { status: 200, body: this.grant(shop, body.expiring === "1") };
    }
    if (body.grant_type === "refresh_token") {
      const grant = this.refreshTokens.get(body.refresh_token ?? "");
      if (!grant || grant.shop !== shop || (grant.expiresAt !== null && grant.expiresAt <= this.now())) {
        return {
          status: 400,
          body: { error: "invalid_grant", error_description: "The refresh token is invalid or expired" },
        };
      }
      this.refreshTokens.delete(body.refresh_token);
      this.accessTokens.delete(grant.accessToken);
      return { status: 200, body: this.grant(shop, true) };
    }
    return { status: 400, body: { error: "unsupported_grant_type" } };
  }

  private grant(shop: string, expiring: boolean) {
    const accessToken = `shpat_sandbox_${randomBytes(16).toString("hex")}`;
    if (!expiring) {
      this.accessTokens.set(accessToken, { shop, expiresAt: null });
      return { access_token: accessToken, scope: this.app.scopes };
    }
    const refreshToken = `shprt_sandbox_${randomBytes(16).toString("hex")}`;
    const expiresIn = 3600;
    const refreshExpiresIn = 90 * 24 * 3600;
    this.accessTokens.set(accessToken, { shop, expiresAt: this.now() + expiresIn * 1000 });
    this.refreshTokens.set(refreshToken, {
      shop,
      expiresAt: this.now() + refreshExpiresIn * 1000,
      accessToken,
    });
    return {
      access_token: accessToken,
      scope: this.app.scopes,
      expires_in: expiresIn,
      refresh_token: refreshToken,
      refresh_token_expires_in: refreshExpiresIn,
    };
  }

  /** Offline token without the App Bridge dance, for tests that only need an Admin API client. */
  issueOfflineToken(shop: string): string {
    return this.grant(shop, false).access_token;
  }
}
