import { District } from '../modules/districts/district.entity';
import { Goal } from '../modules/goals/goal.entity';
import { AuditLogEntry } from '../modules/staff/audit.entity';
import { StaffSession, StaffUser } from '../modules/staff/staff.entity';

export const ENTITIES = [District, Goal, StaffUser, StaffSession, AuditLogEntry];
