// Where /auth/exit-iframe may send the top window. The library renders a page that navigates to
// whatever its `exitIframe` parameter says (upstream Shopify/shopify-app-js#2180), so a link to the
// app could send a merchant anywhere. Allowed: the app itself, the shop's admin, and Shopify's
// admin — where the library's own redirects go (re-authentication, billing confirmation).
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function exitIframeDestinationAllowed(
  destination: string | null,
  appUrl: string,
  shop: string | null,
): boolean {
  if (!destination) return false;
  const app = new URL(appUrl);
  let target: URL;
  try {
    // A path is the app's own ("/auth?shop=…"); "//evil.example" or "/\evil.example" resolve elsewhere and are refused below.
    target = new URL(destination, app);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  if (target.origin === app.origin) return true;
  if (target.protocol !== "https:" || target.port) return false;
  if (target.hostname === "admin.shopify.com") return true;
  // The shop's own admin: the shop the request is about when it names one.
  return (
    SHOP_DOMAIN.test(target.hostname) &&
    (!shop || target.hostname === shop.toLowerCase()) &&
    /^\/admin(\/|$)/.test(target.pathname)
  );
}
