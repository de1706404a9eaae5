// Product images as Shopify serves them: a product's media (MediaImage) with an Image whose `url`
// points at the shop's CDN files (`/s/files/1/…/files/<name>.png?v=<version>`, the transform's
// size appended as `&width=&height=`), and the CDN itself answering those URLs with a picture.
// The sandbox draws each picture (a tinted tile with a product box), so nothing is downloaded.
import { deflateSync } from "node:zlib";
import { gid } from "./ids";

/** `origin`: where the CDN answering for it is (the sandbox's own address once it listens). */
export type ProductImage = {
  id: number;
  origin: string;
  filename: string;
  alt: string;
  version: number;
  width: number;
  height: number;
};

export const CDN_PATH = "/s/files/1/0000/0001/files/";

export function imageView(image: ProductImage): Record<string, unknown> {
  return {
    __typename: "Image",
    id: gid("ImageSource", image.id),
    altText: image.alt,
    width: image.width,
    height: image.height,
    url: ({ transform }: { transform?: { maxWidth?: number; maxHeight?: number } }) => {
      const url = new URL(`${CDN_PATH}${image.filename}`, image.origin);
      url.searchParams.set("v", String(image.version));
      if (transform?.maxWidth) url.searchParams.set("width", String(transform.maxWidth));
      if (transform?.maxHeight) url.searchParams.set("height", String(transform.maxHeight));
      return url.toString();
    },
  };
}

export function mediaImageView(image: ProductImage): Record<string, unknown> {
  const picture = imageView(image);
  return {
    __typename: "MediaImage",
    id: gid("MediaImage", image.id),
    alt: image.alt,
    mediaContentType: "IMAGE",
    status: "READY",
    image: picture,
    preview: { __typename: "MediaPreviewImage", image: picture, status: "READY" },
    mediaErrors: [],
    mediaWarnings: [],
  };
}

/** The CDN's answer for `pathname` (with the transform's size), or null when it is not a file. */
export function cdnFile(pathname: string, query: URLSearchParams): Buffer | null {
  if (!pathname.startsWith(CDN_PATH)) return null;
  const name = decodeURIComponent(pathname.slice(CDN_PATH.length));
  if (!/^[\w.-]+\.png$/.test(name)) return null;
  const size = (key: string) => Math.min(Math.max(Number(query.get(key)) || 600, 16), 2048);
  return drawPng(name, size("width"), size("height"));
}

/** A picture for `name`: a tile tinted by the name with a darker box in the middle, as PNG. */
function drawPng(name: string, width: number, height: number): Buffer {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const [light, dark] = [rgb(hue, 0.45, 0.9), rgb(hue, 0.5, 0.45)];
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each row starts with filter type 0
    for (let x = 0; x < width; x++) {
      const inBox = x > width * 0.32 && x < width * 0.68 && y > height * 0.18 && y < height * 0.85;
      (inBox ? dark : light).forEach((v, i) => (rows[row + 1 + x * 3 + i] = v));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function rgb(hue: number, s: number, l: number): number[] {
  const k = (n: number) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  return [0, 8, 4].map((n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1)))));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  let crc = 0xffffffff;
  for (const byte of body) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}
