import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { env } from "./env.server";
import { API_VERSION } from "./shopify/api-version";

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: env.scopes,
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  logger: {
    level: {
      error: LogSeverity.Error,
      warning: LogSeverity.Warning,
      info: LogSeverity.Info,
      debug: LogSeverity.Debug,
    }[env.LOG_LEVEL],
  },
  future: {
    // Embedded auth: App Bridge session tokens + token exchange, no OAuth redirects.
    unstable_newEmbeddedAuthStrategy: true,
    // Public apps must use expiring offline tokens from 2027-01-01; sessions keep the refresh token.
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    // A (re)install makes the shop active again; uninstall marks it inactive (webhook processor).
    afterAuth: async ({ session }) => {
      await prisma.shop.upsert({
        where: { domain: session.shop },
        create: { domain: session.shop },
        update: { active: true, uninstalledAt: null },
      });
    },
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
