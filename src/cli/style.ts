import type { Output } from './io.js';

/** Text styles; identity functions when colour is off. */
export interface Style {
  readonly enabled: boolean;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) =>
  text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`;

const plain = (text: string) => text;

/** ANSI styles only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const styleFor = (output: Output, env: Readonly<Record<string, string | undefined>>): Style => {
  const enabled = output.isTTY && !env.NO_COLOR;
  if (!enabled) {
    return { enabled, dim: plain, bold: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  }
  return {
    enabled,
    dim: sgr(2, 22),
    bold: sgr(1, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
  };
};
