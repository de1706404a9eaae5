// Links from the stage into the app, through the sandbox admin's /admin/open (a session token, as
// the Shopify admin gives one). The app offers no public way to look an incident up by order, so
// the stage links to All incidents searched by the order's name; one click opens the incident.
export const openApp = (shop: string, appPath = "/app") =>
  `/admin/open?shop=${encodeURIComponent(shop)}&path=${encodeURIComponent(appPath)}`;

export const orderIncidents = (shop: string, orderName: string) =>
  openApp(shop, `/app/incidents?q=${encodeURIComponent(orderName)}`);

export const home = (shop: string, outcomeId?: string) =>
  `/sandbox/home?shop=${encodeURIComponent(shop)}${outcomeId ? `&outcome=${outcomeId}#outcome` : ""}`;
