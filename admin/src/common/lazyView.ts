// A page loaded when first shown, not with the sign-in page: react-admin's layout wraps every
// page in <Suspense>, so a resource view or the dashboard can simply be lazy.
import { type ComponentType, lazy } from 'react';

/** `lazyView(() => import('./ApplicationList.tsx'), 'ApplicationList')`: a named export, lazily. */
export function lazyView<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
}
