// The schema side of eligibility.rules.ts: what a reviewer sees for each rule. The field
// `Application.eligibility` is attached where the Application type is defined.
import { builder } from '../../builder.ts';
import { eligibilityRuleLabels, ruleOutcomeLabels, type RuleResult } from './eligibility.rules.ts';

export const EligibilityRuleEnum = builder.enumType('EligibilityRule', {
  description: '推荐条件（系统可据申报信息核对的部分）',
  values: {
    ETHNICITY: { description: eligibilityRuleLabels.ETHNICITY },
    AGE: { description: eligibilityRuleLabels.AGE },
    EDUCATION_TITLE: { description: eligibilityRuleLabels.EDUCATION_TITLE },
    HEALTH: { description: eligibilityRuleLabels.HEALTH },
    BLACKLIST: { description: eligibilityRuleLabels.BLACKLIST },
    EARLIER_TRAINEE: { description: eligibilityRuleLabels.EARLIER_TRAINEE },
  },
});

export const RuleOutcomeEnum = builder.enumType('RuleOutcome', {
  description: '某项推荐条件的核对结果',
  values: {
    PASSED: { description: ruleOutcomeLabels.PASSED },
    FAILED: { description: ruleOutcomeLabels.FAILED },
    RELAXED: { description: ruleOutcomeLabels.RELAXED },
    FLAGGED: { description: ruleOutcomeLabels.FLAGGED },
  },
});

export const EligibilityResultType = builder.objectRef<RuleResult>('EligibilityResult').implement({
  description: '一项推荐条件的核对结果及理由',
  fields: (t) => ({
    rule: t.expose('rule', { type: EligibilityRuleEnum, description: '推荐条件' }),
    outcome: t.expose('outcome', { type: RuleOutcomeEnum, description: '核对结果' }),
    reason: t.exposeString('reason', { description: '理由（中文，写明依据的事实）' }),
    blocking: t.exposeBoolean('blocking', { description: '是否阻止推荐（结果为不符合时为是）' }),
  }),
});
