// Imports every module (each registers its types on the builder), then builds the schema.
import { builder } from './builder.ts';
import './scalars.ts';
import './errors/error-types.schema.ts';
import './modules/system/health.schema.ts';
import './modules/applications/application-enums.schema.ts';
import './modules/applications/application-status.schema.ts';
import './modules/areas-units/areas-units.schema.ts';
import './modules/rounds/rounds.schema.ts';
import './modules/applications/application.schema.ts';
import './modules/eligibility/eligibility.schema.ts';
import './modules/applications/application-eligibility.schema.ts';
import './modules/applications/application-mutations.schema.ts';
import './modules/reviews/review-types.schema.ts';
import './modules/reviews/reviews.schema.ts';
import './modules/training/training.schema.ts';
import './modules/quotas/quotas.schema.ts';
import './modules/analytics/analytics.schema.ts';
import './modules/blacklist/blacklist.schema.ts';
import './modules/accounts/accounts.schema.ts';
import './modules/audit/audit.schema.ts';
import './modules/forms/forms.schema.ts';
import './modules/documents/documents.schema.ts';
import './modules/documents/signed-scans.schema.ts';

export const schema = builder.toSchema({ sortSchema: true });
