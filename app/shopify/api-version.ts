import { ApiVersion } from "@shopify/shopify-app-remix/server";

/** The newest Admin API version @shopify/shopify-api 13 knows; shopify.app.toml must match. */
export const API_VERSION = ApiVersion.July26;
