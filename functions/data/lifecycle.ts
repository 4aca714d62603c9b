// Every status write of a request, named by its lifecycle event (core/lifecycle.ts). The write is
// conditional on the status it was read in, so two writers cannot both win; when another writer got
// there first, the event is tried again from the new status while the table still allows it there.
import { type LifecycleEvent, nextStatus } from '../core/lifecycle.ts';
import type { RequestStatus } from '../core/model.ts';
import { getRequest, StatusConflictError, updateRequest, type RequestRecord } from './store.ts';

export interface RequestRef {
  submissionId: string;
  requestId: string;
}

/** Fields an event writes besides the status (never the status itself: the table decides it). */
export type EventPatch = Omit<Partial<RequestRecord>, 'status' | 'submissionId' | 'id'>;

/**
 * Applies `event` to the request: writes the status the lifecycle gives for its current status, and
 * `patch`, in one conditional write. Returns the new status, or undefined when the event does not
 * apply to the status the request is in (nothing written). `current` saves a read when the caller
 * has just read the request.
 */
export async function applyEvent(ref: RequestRef, event: LifecycleEvent, patch: EventPatch = {}, current?: RequestStatus): Promise<RequestStatus | undefined> {
  let from = current ?? (await getRequest(ref.submissionId, ref.requestId)).status;
  for (let attempt = 0; attempt < 5; attempt++) {
    const to = nextStatus(from, event);
    if (!to) return undefined;
    try {
      await updateRequest(ref.submissionId, ref.requestId, { ...patch, status: to }, { status: [from] });
      return to;
    } catch (error) {
      if (!(error instanceof StatusConflictError)) throw error;
      from = (await getRequest(ref.submissionId, ref.requestId)).status;
    }
  }
  return undefined;
}
