// A local stand-in for Shopify's App Bridge script, served by the sandbox only. It gives the app
// what the real one gives inside the Shopify admin: window.shopify.idToken(), session tokens on
// the app's own fetches, the bounce page's reload, toasts, and the nav menu and title bar
// elements rendered in the page (there is no admin frame around it here).
(function () {
  var script = document.currentScript;
  var apiKey = script.getAttribute("data-api-key");
  var sandbox = new URL(script.src).origin;
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("makegood-sandbox-shop");
  if (shop) sessionStorage.setItem("makegood-sandbox-shop", shop);

  function idToken() {
    return window.__sandboxFetch(sandbox + "/sandbox/session-token?shop=" + encodeURIComponent(shop) + "&apiKey=" + encodeURIComponent(apiKey))
      .then(function (r) { return r.json(); })
      .then(function (body) { return body.token; });
  }

  window.__sandboxFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url, location.href);
    if (url.origin !== location.origin) return window.__sandboxFetch(input, init);
    return idToken().then(function (token) {
      init = Object.assign({}, init);
      var headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
      headers.set("Authorization", "Bearer " + token);
      init.headers = headers;
      return window.__sandboxFetch(input, init);
    });
  };

  function toast(message, options) {
    var el = document.createElement("div");
    el.setAttribute("role", "status");
    el.textContent = message;
    el.style.cssText = "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);padding:12px 16px;border-radius:8px;font:14px system-ui;color:#fff;z-index:9999;background:" + (options && options.isError ? "#8e1f0b" : "#1a1a1a");
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, (options && options.duration) || 5000);
  }

  window.shopify = {
    config: { apiKey: apiKey, shop: shop, host: params.get("host") },
    environment: { embedded: true, mobile: false, pos: false },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
  };

  var reload = params.get("shopify-reload");
  if (reload) {
    idToken().then(function (token) {
      var target = new URL(reload, location.href);
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
  }

  var style = document.createElement("style");
  style.textContent =
    "ui-nav-menu{display:flex;gap:20px;padding:10px 20px;background:#1a1a1a;font:600 14px system-ui}" +
    "ui-nav-menu a{color:#fff;text-decoration:none}ui-nav-menu a:hover,ui-nav-menu a:focus{text-decoration:underline}" +
    "ui-nav-menu::before{content:'MakeGood · sandbox admin';color:#b5b5b5;font-weight:400}";
  document.head.appendChild(style);

  customElements.define("ui-nav-menu", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "navigation");
      this.setAttribute("aria-label", "App navigation");
      this.addEventListener("click", function (event) {
        var link = event.target.closest("a");
        if (!link) return;
        event.preventDefault();
        link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
      });
    }
  });
  customElements.define("ui-title-bar", class extends HTMLElement {
    connectedCallback() { this.style.display = "none"; document.title = (this.getAttribute("title") || "MakeGood") + " · Sandbox"; }
  });
})();
