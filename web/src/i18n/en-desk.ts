// The agent desk's words (see en.ts).
export const desk = {
  nav: 'Desk',
  title: 'Desk',
};
