// The Shopify library's own API object, for what the app does without a merchant's request:
// verifying webhooks (HMAC, headers, shop domains) and asking Shopify about a stored token.
// shopify.server.ts's shopifyApp() builds its own for the request flows; both take one config.
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { env } from "../env.server";
import { API_VERSION } from "./api-version";

export const shopifyLibrary = shopifyApi({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION as ApiVersion,
  hostName: new URL(env.SHOPIFY_APP_URL).host,
  hostScheme: new URL(env.SHOPIFY_APP_URL).protocol === "http:" ? "http" : "https",
  isEmbeddedApp: true,
  scopes: env.scopes,
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
  logger: { level: 0 }, // errors only: the app's own shopifyApp() already logs the library's start
});
