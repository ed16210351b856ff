// lodash (a dependency of oazapfts, pinned in package-lock.json) ships no types; the adapters
// use its camelCase as oazapfts and swagger-typescript-api do to name what they generate.
declare module 'lodash/camelCase' {
  function camelCase(text: string): string;
  export = camelCase;
}
