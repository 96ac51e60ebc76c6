import {
	NodeHelpers,
	type IDataObject,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

/** n8n names a community node `<package name>.<node name>`. */
export const PACKAGE_NAME = 'n8n-nodes-cloudoffix-codelayer';

export class TestNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	register(type: string, node: INodeType | IVersionedNodeType): this {
		this.byName.set(type, node);
		return this;
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const node = this.byName.get(type);
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.byName.keys()].map((name) => [name, {}]));
	}
}
