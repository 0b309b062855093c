// Which Chromium the browser tests drive, and how to start it.
//
// 1. SAFEGUIDE_CHROMIUM, when set, names the browser to use.
// 2. Otherwise Debian's Chromium, /usr/bin/chromium, when it is installed (SAFEGUIDE_SYSTEM_CHROMIUM names another
//    place to look; pointing it at a missing file shows what a machine without Debian's package does).
// 3. Otherwise the headless Chromium of the npm package @sparticuz/chromium (pinned in package-lock.json): a
//    brotli-compressed chrome-headless-shell with the shared libraries it needs (NSS, NSPR, expat) and a font. It
//    is unpacked once into node_modules/.cache/ next to this file and started with those libraries on
//    LD_LIBRARY_PATH, so it runs on a machine with no browser and no browser libraries installed.

import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = path.join(HERE, "node_modules", "@sparticuz", "chromium");

/** Unpacks a ustar archive (the format of the package's .tar.br files) into `dest`. */
async function untar(buffer, dest) {
  let offset = 0;
  let longName = null;
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => header.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    const body = buffer.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = body.toString("utf8").replace(/\0.*$/s, "");
      continue;
    }
    name = path.normalize(name);
    if (name.startsWith("..") || path.isAbsolute(name)) throw new Error(`unsafe path in archive: ${name}`);
    const target = path.join(dest, name);
    if (type === "5") {
      await mkdir(target, { recursive: true });
    } else if (type === "0" || type === "7") {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, body, { mode: parseInt(field(100, 8).trim() || "644", 8) & 0o777 });
    }
  }
}

/** Unpacks the package's browser into its cache folder (once; concurrent runs each unpack aside and rename). */
async function unpackBundled() {
  const { version } = JSON.parse(await readFile(path.join(PACKAGE, "package.json"), "utf8"));
  const dest = path.join(HERE, "node_modules", ".cache", `sparticuz-chromium-${version}`);
  const executable = path.join(dest, "chromium");
  if (!existsSync(executable)) {
    const work = `${dest}.${process.pid}.tmp`;
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const bin = path.join(PACKAGE, "bin");
    const inflate = async (file) => brotliDecompressSync(await readFile(path.join(bin, file)));
    await writeFile(path.join(work, "chromium"), await inflate("chromium.br"));
    await chmod(path.join(work, "chromium"), 0o755);
    await untar(await inflate("al2023.tar.br"), path.join(work, "al2023"));
    await untar(await inflate("fonts.tar.br"), path.join(work, "fonts"));
    // The package's fonts.conf names AWS Lambda's folders: this one names the unpacked font and the system's.
    await writeFile(
      path.join(work, "fonts", "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(dest, "fonts", "fonts")}</dir>\n  <dir>/usr/share/fonts</dir>\n  <dir>/usr/local/share/fonts</dir>\n` +
        `  <cachedir>${path.join(dest, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
    );
    try {
      await rename(work, dest);
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      if (!existsSync(executable)) throw error;
    }
  }
  const libraries = [path.join(dest, "al2023", "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  return {
    executablePath: executable,
    description: `headless Chromium ${version} from the npm package @sparticuz/chromium (${dest})`,
    env: { ...process.env, LD_LIBRARY_PATH: libraries, FONTCONFIG_PATH: path.join(dest, "fonts") },
  };
}

/**
 * The browser to launch: { executablePath, description, env }. Throws, saying what is missing, when there is
 * none.
 */
export async function findChromium() {
  const named = process.env.SAFEGUIDE_CHROMIUM;
  if (named) {
    if (!existsSync(named)) throw new Error(`SAFEGUIDE_CHROMIUM names ${named}, which does not exist`);
    return { executablePath: named, description: `${named} (SAFEGUIDE_CHROMIUM)`, env: process.env };
  }
  const system = process.env.SAFEGUIDE_SYSTEM_CHROMIUM || "/usr/bin/chromium";
  if (existsSync(system)) return { executablePath: system, description: `${system} (Debian's Chromium)`, env: process.env };
  if (!existsSync(path.join(PACKAGE, "bin", "chromium.br"))) {
    throw new Error(
      `no Chromium: ${system} is not installed and the npm package @sparticuz/chromium is missing ` +
        "(run `npm ci --prefix tests/browser`, or `apt-get install chromium`)",
    );
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`@sparticuz/chromium ships Linux x64 only; on ${process.platform}/${process.arch} install Chromium and set SAFEGUIDE_CHROMIUM`);
  }
  return unpackBundled();
}
