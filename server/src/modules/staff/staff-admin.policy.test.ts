import { Role } from './role';
import { adminChangeRefusal, defaultDisplayName, endsSessions, passwordProblem, StaffAdminConflict } from './staff-admin.policy';

const admin = (id: string, active = true) => ({ id, role: Role.ADMIN, active });
const reason = (err: ReturnType<typeof adminChangeRefusal>) => (err ? err.extensions.reason : null);

describe('staff administration rules', () => {
  it('lets an admin demote or deactivate another admin while one more active admin remains', () => {
    expect(adminChangeRefusal('a', admin('b'), { role: Role.EDITOR, active: true }, ['a', 'b'])).toBeNull();
    expect(adminChangeRefusal('a', admin('b'), { role: Role.ADMIN, active: false }, ['a', 'b'])).toBeNull();
  });

  it('refuses an admin demoting or deactivating themselves, even with other admins', () => {
    expect(reason(adminChangeRefusal('a', admin('a'), { role: Role.ANALYST, active: true }, ['a', 'b']))).toBe(
      StaffAdminConflict.SELF_CHANGE,
    );
    expect(reason(adminChangeRefusal('a', admin('a'), { role: Role.ADMIN, active: false }, ['a', 'b']))).toBe(
      StaffAdminConflict.SELF_CHANGE,
    );
  });

  it('refuses taking ADMIN from the last active admin', () => {
    // The actor lost their own rights meanwhile (a concurrent demotion): only the target is left.
    const refusal = adminChangeRefusal('a', admin('b'), { role: Role.EDITOR, active: true }, ['b']);
    expect(reason(refusal)).toBe(StaffAdminConflict.LAST_ADMIN);
    expect(refusal!.extensions.code).toBe('CONFLICT');
    expect(reason(adminChangeRefusal('a', admin('b'), { role: Role.ADMIN, active: false }, []))).toBe(StaffAdminConflict.LAST_ADMIN);
  });

  it('allows what keeps the admin count: renaming, promoting, reactivating, and changing non-admins', () => {
    expect(adminChangeRefusal('a', admin('a'), { role: Role.ADMIN, active: true }, [])).toBeNull();
    expect(adminChangeRefusal('a', { id: 'e', role: Role.EDITOR, active: true }, { role: Role.ADMIN, active: true }, [])).toBeNull();
    expect(adminChangeRefusal('a', { id: 'e', role: Role.EDITOR, active: true }, { role: Role.EDITOR, active: false }, [])).toBeNull();
    // An admin already deactivated is no admin to protect: demoting them changes nothing.
    expect(adminChangeRefusal('a', admin('b', false), { role: Role.EDITOR, active: false }, ['a'])).toBeNull();
  });

  it('ends sessions on deactivation and on a new role, and not otherwise', () => {
    expect(endsSessions({ role: Role.EDITOR, active: true }, { role: Role.EDITOR, active: false })).toBe(true);
    expect(endsSessions({ role: Role.EDITOR, active: true }, { role: Role.ADMIN, active: true })).toBe(true);
    expect(endsSessions({ role: Role.EDITOR, active: true }, { role: Role.EDITOR, active: true })).toBe(false);
    expect(endsSessions({ role: Role.EDITOR, active: false }, { role: Role.EDITOR, active: true })).toBe(false);
  });

  it('takes passwords of 12 to 200 characters', () => {
    expect(passwordProblem('x'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(12))).toBeNull();
    expect(passwordProblem('گذرواژهٔ-بلند-من')).toBeNull();
    expect(passwordProblem('x'.repeat(200))).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('names a user after their e-mail address when no name is given', () => {
    expect(defaultDisplayName('sara.ahmadi@city.example')).toBe('sara.ahmadi');
  });
});
