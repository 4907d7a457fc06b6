import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import type { CampaignType } from '../api/campaign';

/** A resource of the node ("SMS Campaign"), as its operations see it. */
export interface ResourceInfo {
	/** The Resource parameter's value, e.g. `smsCampaign`. */
	value: string;
	/** Shown in the Resource list, e.g. "SMS Campaign". */
	name: string;
	/** For sentences and action names: "SMS", "Voice", "Contact List". */
	label: string;
}

export interface CampaignResourceInfo extends ResourceInfo {
	campaignType: CampaignType;
	/** For descriptions, with its article: "an SMS campaign", "a voice campaign". */
	aCampaign: string;
}

/**
 * One operation of the node: its fields and its work, side by side in one file. The router owns the
 * item loop, error handling and pairing; an operation handles one item and throws on failure. An
 * operation object may serve several resources (Delete serves SMS and voice campaigns): its texts
 * and its work are told which one.
 */
export interface Operation<R extends ResourceInfo = ResourceInfo> {
	value: string;
	name: string;
	/** Shown in n8n's actions panel and to AI agents, e.g. "Delete SMS Campaign". */
	action: (resource: R) => string;
	description: (resource: R) => string;
	/** Fields without resource/operation display rules; versionDescription.ts adds those. */
	properties: INodeProperties[];
	/** One output item's json, or a list of them (Get Many): each is paired with the input item. */
	execute?: (
		this: IExecuteFunctions,
		itemIndex: number,
		resource: R,
	) => Promise<IDataObject | IDataObject[]>;
	/**
	 * Instead of `execute`: for an operation that needs every input item at once (Add Contacts
	 * sends many items in one request). The router calls it once, and turns each outcome into one
	 * output item paired with the outcome's input items. The operation handles "On Error: Continue"
	 * for its own per-item problems (this.continueOnFail()); what it throws fails every item.
	 */
	executeAll?: (this: IExecuteFunctions, resource: R) => Promise<AllItemsOutcome[]>;
}

/** One output item of an `executeAll` operation: a result or an error, and the input items it stands for. */
export type AllItemsOutcome =
	| { json: IDataObject; items: number[] }
	| { error: NodeApiError | NodeOperationError; items: number[] };

/**
 * An operation as the node runs it for one resource: its texts for that resource, and its work
 * already told which resource it serves (versionDescription.ts makes these from the registry).
 */
export interface ResourceOperation {
	/** The operation it was made from: one that serves several resources has its fields listed once. */
	from: object;
	value: string;
	name: string;
	action: string;
	description: string;
	properties: INodeProperties[];
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	executeAll?: (this: IExecuteFunctions) => Promise<AllItemsOutcome[]>;
}

/** A resource with its operations, as the router finds them. */
export interface Resource {
	info: ResourceInfo;
	operations: ResourceOperation[];
	/** The operation selected when the resource is chosen. */
	defaultOperation: string;
}
