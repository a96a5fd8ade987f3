// 培养与结业: the earlier-participation and training panels of an application's page, and the public certificate check.
import { lazyView } from '../common/lazyView.ts';

export { EarlierParticipationsPanel } from './EarlierParticipationsPanel.tsx';
export { TrainingPanel } from './TrainingPanel.tsx';

/** 结业证书查验: public, loaded only when someone opens it (the sign-in page links to it). */
export const CertificateVerifyPage = lazyView(() => import('./CertificateVerifyPage.tsx'), 'CertificateVerifyPage');
