import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/** The part of a waiting execution that n8n resumes: its stack, whose first entry is the waiting node. */
interface ResumingExecution {
	runExecutionData?: {
		executionData?: {
			nodeExecutionStack?: Array<{ node?: { name?: string }; metadata?: IDataObject }>;
		};
	};
}

/**
 * Makes the waiting node fail once n8n resumes it, with this error as the node's own.
 *
 * When n8n resumes a waiting execution on its resume URL it runs the node's webhook, then passes the webhook's
 * items on as the node's output: the node's execute() is not called again. An error thrown by the webhook does not
 * fail the node either: n8n answers the caller 500 and the execution goes on with one empty item. What n8n does
 * honour is the resume error it sets on the waiting entry of the execution's stack when a sub-workflow it waits
 * for has failed: the node then fails with that error, or outputs it as an error item when set to continue. The
 * webhook context holds the execution being resumed, so the node sets that same resume error.
 *
 * Answers false when the context holds no such execution (an n8n that resumes differently): the caller then
 * fails the webhook itself.
 */
export function failOnResume(context: IWebhookFunctions, error: Error): boolean {
	const execution = (context as unknown as ResumingExecution).runExecutionData;
	const waiting = execution?.executionData?.nodeExecutionStack?.[0];
	if (!waiting || waiting.node?.name !== context.getNode().name) {
		return false;
	}
	waiting.metadata = { ...(waiting.metadata ?? {}), resumeError: error as unknown as IDataObject };
	return true;
}
