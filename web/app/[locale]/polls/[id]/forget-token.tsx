'use client';

import { useEffect } from 'react';
import { forgetToken } from '@/lib/polls/token-storage';

/** After an accepted answer: the poll token it was sent with is spent, so the tab lets go of it. */
export function ForgetPollToken({ pollId }: { pollId: string }) {
  useEffect(() => forgetToken(pollId), [pollId]);
  return null;
}
