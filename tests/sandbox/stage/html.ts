// The stage's pages are plain server-rendered HTML (no script, no build step): a tagged template
// that escapes every value unless it is already HTML, and the page frame with its styles.

export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escape = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);

type Part = Html | string | number | null | undefined | false | Part[];
const render = (value: Part): string =>
  value instanceof Html
    ? value.text
    : Array.isArray(value)
      ? value.map(render).join("")
      : value === null || value === undefined || value === false
        ? ""
        : escape(value);

/** `html\`<p>${name}</p>\``: values are escaped, nested `html` and arrays of it are kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(
    strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ""), ""),
  );
}

const STYLES = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f4f4f5}
header{background:#1a1a1a;color:#fff;padding:12px 24px}header a{color:#cde}
h1{margin:0;font-size:20px}main{padding:16px 24px;max-width:1200px}
section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin:0 0 16px}
h2{font-size:17px;margin:0 0 8px}h3{font-size:15px;margin:12px 0 4px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
form{margin:4px 0 12px}label{margin-right:12px}input,select,button{font:inherit}
button{background:#1a1a1a;color:#fff;border:0;border-radius:6px;padding:4px 12px;cursor:pointer}
.outcome{border-left:4px solid #2a7;background:#efe}.refused{border-left-color:#c33;background:#fee}
.hint{color:#555;margin:0 0 4px}.inline{display:inline-block;margin-right:8px}
`;

/** A whole page: its title, the sandbox's header and the body. */
export function page(title: string, body: Html): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="icon" href="data:," />
        <style>
          ${new Html(STYLES)}
        </style>
      </head>
      <body>
        <header><h1>${title}</h1></header>
        <main>${body}</main>
      </body>
    </html>`.text;
}
