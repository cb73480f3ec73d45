import { parseArgs } from 'node:util';
import { createStaticServer } from './static-server.ts';

// Serves the built site as a static host would: `npm run preview` (after `npm run build`).
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
  },
});

const server = createStaticServer({ root: values.dir, base: values.base });
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`Serving ${values.dir}/ at http://localhost:${values.port}${values.base}`);
});
