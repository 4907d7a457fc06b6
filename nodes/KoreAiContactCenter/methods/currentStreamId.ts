import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { checkIdentifier, EXAMPLE_IDS } from '../../../common/identifiers';

/**
 * The Stream ID option as currently typed in the editor; an expression cannot be resolved without
 * an input item, so the credential's App ID is used then.
 */
export function currentStreamId(this: ILoadOptionsFunctions): string | undefined {
	const options = this.getCurrentNodeParameter('options');
	const raw =
		options && typeof options === 'object' ? (options as IDataObject).streamId : undefined;
	if (typeof raw !== 'string' || raw.trim() === '' || raw.startsWith('=')) return undefined;
	const checked = checkIdentifier(raw, 'Stream ID option', EXAMPLE_IDS.stream, 'typed');
	if ('problem' in checked) throw new NodeOperationError(this.getNode(), checked.problem);
	return checked.id;
}
