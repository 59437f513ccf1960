import { packageConfig } from "@dropgate/vitest-config";

export default packageConfig();
