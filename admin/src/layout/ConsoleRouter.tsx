// The console's hash router, made once and handed to <Admin> (react-admin uses a router it finds
// around it). Without it react-admin makes its own, whose navigations are React transitions:
// signing out (or opening the console signed out) navigates to the sign-in page while
// react-admin clears its query cache, and each clearing re-ran the session check and logged out
// again, interrupting the transition — thousands of rounds, 9–18 s before the sign-in form
// showed. Navigations that render at once end that after one round.
import { type ReactNode, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router-dom';

export const ConsoleRouter = ({ children }: { children: ReactNode }) => {
  const [router] = useState(() => createHashRouter([{ path: '*', element: children }]));
  return <RouterProvider router={router} useTransitions={false} />;
};
