// orval: fetch client. Copied beside the adapters by check.py; ORVAL_INPUT names the spec.
// * mutator: orval's fetch client calls fetch() with a path only; ts/orval-fetch.ts adds the
//   base URL and the key.
// * contentType include: orval 8.38.0 turns a body with two media types into a union sent
//   as JSON text; keeping the JSON and multipart types makes the chat upload a FormData.
module.exports = {
  ango: {
    input: { target: process.env.ORVAL_INPUT },
    output: {
      target: 'src/generated/orval/api.ts',
      client: 'fetch',
      mode: 'single',
      override: {
        mutator: { path: 'src/orval-fetch.ts', name: 'angoFetch' },
        contentType: { include: ['application/json', 'multipart/form-data'] },
      },
    },
  },
};
