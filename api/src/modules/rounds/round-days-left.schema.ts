// How many days a round's deadlines are away, by the API's clock and Beijing calendar days (the
// counting of the dashboard's deadline progress, analytics.service.ts `daysLeft`), so that an
// applicant's countdown and the reviewers' agree and neither depends on the browser's clock.
import { builder } from '../../builder.ts';
import { daysLeft } from '../analytics/analytics.service.ts';
import { RoundType } from './rounds.schema.ts';

builder.objectFields(RoundType, (t) => ({
  daysLeftToApplicationDeadline: t.int({
    description: '距个人申报截止日的天数（北京时间日历日；截止当日及以后为0）',
    resolve: (round, _args, ctx) => daysLeft(ctx.now(), round.applicationDeadline),
  }),
  daysLeftToRecommendationDeadline: t.int({
    description: '距推荐截止日的天数（北京时间日历日；截止当日及以后为0）',
    resolve: (round, _args, ctx) => daysLeft(ctx.now(), round.recommendationDeadline),
  }),
}));
