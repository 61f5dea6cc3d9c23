import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'masar',
  primaryShade: 8,
  colors: {
    masar: ['#e6f4ef', '#cde8df', '#9dd1bf', '#69b99d', '#40a480', '#27976f', '#149066', '#0b7d57', '#0b6e4f', '#005c40'],
  },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif",
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Users who ask their system for reduced motion get no transitions (dialogs, menus appear at once).
  respectReducedMotion: true,
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
  },
});
