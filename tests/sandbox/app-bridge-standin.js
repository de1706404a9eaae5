// A local stand-in for Shopify's App Bridge script, served by the sandbox only. It gives the app
// what the real one gives inside the Shopify admin: window.shopify.idToken(), session tokens on
// the app's own fetches, the bounce page's reload, toasts, the save bar (ui-save-bar and
// shopify.saveBar, with its discard and leave confirmations), and the nav menu and title bar
// elements rendered in the page (there is no admin frame around it here).
(function () {
  var script = document.currentScript;
  var apiKey = script.getAttribute("data-api-key");
  var sandbox = new URL(script.src).origin;
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("makegood-sandbox-shop");
  if (shop) sessionStorage.setItem("makegood-sandbox-shop", shop);

  function idToken() {
    return window
      .__sandboxFetch(
        sandbox +
          "/sandbox/session-token?shop=" +
          encodeURIComponent(shop) +
          "&apiKey=" +
          encodeURIComponent(apiKey),
      )
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        return body.token;
      });
  }

  window.__sandboxFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(
      typeof input === "string" || input instanceof URL ? String(input) : input.url,
      location.href,
    );
    if (url.origin !== location.origin) return window.__sandboxFetch(input, init);
    return idToken().then(function (token) {
      init = Object.assign({}, init);
      var headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
      headers.set("Authorization", "Bearer " + token);
      init.headers = headers;
      return window.__sandboxFetch(input, init);
    });
  };

  // Every toast shown on this page, in order: tests read it, as a toast stays only a few seconds.
  window.__toasts = [];
  function toast(message, options) {
    window.__toasts.push(String(message));
    var el = document.createElement("div");
    el.setAttribute("role", "status");
    el.textContent = message;
    el.style.cssText =
      "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);padding:12px 16px;border-radius:8px;font:14px system-ui;color:#fff;z-index:9999;background:" +
      (options && options.isError ? "#8e1f0b" : "#1a1a1a");
    document.body.appendChild(el);
    setTimeout(
      function () {
        el.remove();
      },
      (options && options.duration) || 5000,
    );
  }

  window.shopify = {
    config: { apiKey: apiKey, shop: shop, host: params.get("host") },
    environment: { embedded: true, mobile: false, pos: false },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    saveBar: {
      show: function (id) {
        return onSaveBar(id, "show");
      },
      hide: function (id) {
        return onSaveBar(id, "hide");
      },
      toggle: function (id) {
        return onSaveBar(id, "toggle");
      },
      leaveConfirmation: leaveConfirmation,
    },
  };

  function onSaveBar(id, method) {
    var bar = document.getElementById(id);
    return bar && bar.localName === "ui-save-bar"
      ? bar[method]()
      : Promise.reject(new Error("No ui-save-bar with id " + id));
  }

  // A confirmation as the admin asks it: a modal over everything; resolves true to go on.
  function confirmModal(title, text, stay, go) {
    return new Promise(function (resolve) {
      var backdrop = document.createElement("div");
      backdrop.style.cssText =
        "position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:10001;display:flex;align-items:center;justify-content:center;font:14px system-ui";
      backdrop.innerHTML =
        '<div role="dialog" aria-modal="true" aria-labelledby="sandbox-confirm-title" style="background:#fff;color:#1a1a1a;border-radius:12px;padding:20px;max-width:420px">' +
        '<h2 id="sandbox-confirm-title" style="font:600 16px system-ui;margin:0 0 8px"></h2><p style="margin:0 0 16px"></p>' +
        '<div style="display:flex;gap:8px;justify-content:flex-end"><button type="button" data-answer="stay"></button><button type="button" data-answer="go"></button></div></div>';
      backdrop.querySelector("h2").textContent = title;
      backdrop.querySelector("p").textContent = text;
      var buttons = backdrop.querySelectorAll("button");
      buttons[0].textContent = stay;
      buttons[1].textContent = go;
      buttons[0].style.cssText =
        "padding:6px 12px;border-radius:8px;border:1px solid #8a8a8a;background:#fff;color:#1a1a1a;font:inherit;cursor:pointer";
      buttons[1].style.cssText =
        "padding:6px 12px;border-radius:8px;border:0;background:#8e1f0b;color:#fff;font:inherit;cursor:pointer";
      function answer(go) {
        backdrop.remove();
        resolve(go);
      }
      backdrop.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (button) answer(button.getAttribute("data-answer") === "go");
      });
      backdrop.addEventListener("keydown", function (event) {
        if (event.key === "Escape") answer(false);
      });
      document.body.appendChild(backdrop);
      buttons[0].focus();
    });
  }

  function leaveConfirmation() {
    var showing = Array.prototype.some.call(document.querySelectorAll("ui-save-bar"), function (bar) {
      return bar.showing;
    });
    if (!showing) return Promise.resolve();
    return confirmModal(
      "Leave page with unsaved changes?",
      "Leaving this page will delete all unsaved changes.",
      "Stay",
      "Leave page",
    ).then(function (go) {
      return go ? undefined : new Promise(function () {});
    }); // stays pending, as App Bridge's does
  }

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

  customElements.define(
    "ui-nav-menu",
    class extends HTMLElement {
      connectedCallback() {
        this.setAttribute("role", "navigation");
        this.setAttribute("aria-label", "App navigation");
        this.addEventListener("click", function (event) {
          var link = event.target.closest("a");
          if (!link) return;
          event.preventDefault();
          // As in the admin: unsaved changes are confirmed before the app navigates away.
          leaveConfirmation().then(function () {
            link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
          });
        });
      }
    },
  );
  // The save bar. In the admin it replaces the admin's top bar, outside the app's frame, so it stays
  // in view however far the page scrolls; here it is fixed at the top of the window. Its Save and
  // Discard click the element's own <button> children (variant="primary" is Save), and show their
  // disabled and loading attributes.
  customElements.define(
    "ui-save-bar",
    class extends HTMLElement {
      connectedCallback() {
        this.style.display = "none";
        this._observer = new MutationObserver(() => this._draw());
        this._observer.observe(this, {
          attributes: true,
          childList: true,
          subtree: true,
          characterData: true,
        });
      }
      disconnectedCallback() {
        this._observer.disconnect();
        this.hide();
      }
      get showing() {
        return !!this._bar;
      }
      get discardConfirmation() {
        var v = this.getAttribute("discardConfirmation");
        return v !== null && v !== "false";
      }
      set discardConfirmation(on) {
        if (on) this.setAttribute("discardConfirmation", "");
        else this.removeAttribute("discardConfirmation");
      }
      show() {
        if (!this._bar) {
          this._bar = document.createElement("div");
          this._bar.setAttribute("role", "region");
          this._bar.setAttribute("aria-label", "Save bar");
          this._bar.style.cssText =
            "position:fixed;top:0;left:0;right:0;height:56px;z-index:10000;display:flex;align-items:center;justify-content:space-between;padding:0 20px;background:#1a1a1a;color:#fff;font:600 14px system-ui;box-sizing:border-box";
          this._bar.innerHTML =
            '<span>Unsaved changes</span><span style="display:flex;gap:8px"><button type="button" data-role="discard"></button><button type="button" data-role="save"></button></span>';
          this._bar.addEventListener("click", (event) => {
            var button = event.target.closest("button");
            if (button) this._press(button.getAttribute("data-role"));
          });
          document.body.appendChild(this._bar);
          document.body.style.paddingTop = "56px";
          this._draw();
          this.dispatchEvent(new CustomEvent("show"));
        }
        return Promise.resolve();
      }
      hide() {
        if (this._bar) {
          this._bar.remove();
          this._bar = null;
          document.body.style.paddingTop = "";
          this.dispatchEvent(new CustomEvent("hide"));
        }
        return Promise.resolve();
      }
      toggle() {
        return this.showing ? this.hide() : this.show();
      }
      _child(role) {
        return Array.prototype.find.call(this.querySelectorAll("button"), function (b) {
          return (b.getAttribute("variant") === "primary") === (role === "save");
        });
      }
      _draw() {
        if (!this._bar) return;
        ["discard", "save"].forEach((role) => {
          var child = this._child(role);
          var button = this._bar.querySelector('[data-role="' + role + '"]');
          var loading = !!child && child.hasAttribute("loading") && child.getAttribute("loading") !== "false";
          button.textContent = (child && child.textContent.trim()) || (role === "save" ? "Save" : "Discard");
          button.disabled = !child || child.disabled || loading;
          button.setAttribute("aria-busy", String(loading));
          button.style.cssText =
            "padding:6px 12px;border-radius:8px;font:inherit;cursor:pointer;" +
            (button.disabled ? "opacity:.6;" : "") +
            (role === "save"
              ? "border:0;background:#fff;color:#1a1a1a"
              : "border:1px solid #b5b5b5;background:transparent;color:#fff");
        });
      }
      _press(role) {
        var child = this._child(role);
        if (!child || child.disabled) return;
        if (role === "discard" && this.discardConfirmation) {
          confirmModal(
            "Discard all unsaved changes",
            "If you discard changes, you’ll delete any edits you made since you last saved.",
            "Continue editing",
            "Discard changes",
          ).then(function (go) {
            if (go) child.click();
          });
        } else {
          child.click();
        }
      }
    },
  );
  customElements.define(
    "ui-title-bar",
    class extends HTMLElement {
      connectedCallback() {
        this.style.display = "none";
        document.title = (this.getAttribute("title") || "MakeGood") + " · Sandbox";
      }
    },
  );
})();
