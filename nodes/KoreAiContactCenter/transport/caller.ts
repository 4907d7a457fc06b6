import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/**
 * Who sends a request: a workflow execution (an operation), the editor loading a picker's list
 * (a load-options call: no input items, no Options, no cancel signal), or a polling trigger.
 */
export type KoreAiCaller = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export function isExecution(caller: KoreAiCaller): caller is IExecuteFunctions {
	return typeof (caller as Partial<IExecuteFunctions>).getExecutionCancelSignal === 'function';
}

export const CREDENTIAL_TYPE = 'koreAiApi';

export function isPoll(caller: KoreAiCaller): caller is IPollFunctions {
	return typeof (caller as Partial<IPollFunctions>).__emit === 'function';
}
