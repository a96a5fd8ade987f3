// The regional admin's account management: create reviewer, admin and analyst accounts,
// disable and enable them, lift a lock, sign a user out everywhere. Applicants register themselves.
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';

const account = 'id username disabled isLocked';

export const createUserMutation: MutationSpec = { field: 'createUser', variables: '$input: CreateUserInput!', data: account };
export const setUserDisabledMutation: MutationSpec = { field: 'setUserDisabled', variables: '$userId: ID!, $disabled: Boolean!', data: account };
export const unlockUserMutation: MutationSpec = { field: 'unlockUser', variables: '$userId: ID!', data: account };
export const revokeUserSessionsMutation: MutationSpec = { field: 'revokeUserSessions', variables: '$userId: ID!', data: account };

export interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  password: string;
  areaId?: string | null;
  unitId?: string | null;
}

export function createUser(input: NewAccount) {
  // A scope belongs to one role only: PREFECTURE an area, EMPLOYER a unit.
  return callMutation(createUserMutation, {
    input: {
      username: input.username.trim(),
      displayName: input.displayName.trim(),
      role: input.role,
      password: input.password,
      areaId: input.role === 'PREFECTURE' ? input.areaId : null,
      unitId: input.role === 'EMPLOYER' ? input.unitId : null,
    },
  });
}

export type AccountAction = 'disable' | 'enable' | 'unlock' | 'revoke';

export function runAccountAction(action: AccountAction, userId: string) {
  switch (action) {
    case 'disable':
    case 'enable':
      return callMutation(setUserDisabledMutation, { userId, disabled: action === 'disable' });
    case 'unlock':
      return callMutation(unlockUserMutation, { userId });
    case 'revoke':
      return callMutation(revokeUserSessionsMutation, { userId });
  }
}
