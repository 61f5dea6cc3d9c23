import { createTheme, defaultVariantColorsResolver, parseThemeColor, type VariantColorsResolver } from '@mantine/core';

/**
 * Light variants (badges, alerts, light buttons) write their text in shade 6 of the colour on a pale background:
 * orange or yellow text then reads at about 2:1. Shade 9 keeps the same hue above 4.5:1.
 */
const readableLightVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  return parsed.isThemeColor && parsed.shade === undefined ? { ...colors, color: `var(--mantine-color-${parsed.color}-9)` } : colors;
};

/** Contrast at least 4.5:1 for text on the primary colour; 44 px and up for anything a finger must hit. */
export const theme = createTheme({
  primaryColor: 'masar',
  primaryShade: 8,
  variantColorResolver: readableLightVariants,
  colors: {
    masar: ['#e6f4ef', '#cde8df', '#9dd1bf', '#69b99d', '#40a480', '#27976f', '#149066', '#0b7d57', '#0b6e4f', '#005c40'],
  },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif",
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
  },
});
