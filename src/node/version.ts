/** Essaim's version, as `essaim --version` prints it and the exported files record it (package.json "version"). */
export const ESSAIM_VERSION = '0.1.0';
