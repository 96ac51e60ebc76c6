// n8n's community-node rules without the n8n Cloud ones: a package that talks to two services can
// never be Cloud-verified (see README, "Lint").
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [...configWithoutCloudSupport, { ignores: ['.build/**', '.tools/**', 'coverage/**'] }];
