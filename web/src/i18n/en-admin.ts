// The lead and admin console's words (see en.ts).
export const admin = {
  nav: 'Admin',
  title: 'Admin',
};
