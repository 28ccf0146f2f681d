import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

// Mantine's defaults put small text under WCAG AA's 4.5:1 in places (axe's color-contrast rule):
// the primary blue at shade 6, the dimmed grey, the error red, and the text of "light" badges,
// alerts and the active link on their tinted background (worse when hovered). Darker text and
// paler tints fix all of them, for every theme colour at once.
export const theme = createTheme({ primaryShade: 8 });

export const accessibleColors: CSSVariablesResolver = (current) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  for (const color of Object.keys(current.colors)) {
    light[`--mantine-color-${color}-light`] = `var(--mantine-color-${color}-0)`;
    light[`--mantine-color-${color}-light-hover`] = `var(--mantine-color-${color}-1)`;
    // Shade 9 of the bright hues (green, yellow, orange) is still too light on its tint.
    const darkest = current.colors[color]?.[9];
    if (darkest) light[`--mantine-color-${color}-light-color`] = darken(darkest, 0.35);
  }
  return { variables: {}, light, dark: {} };
};
