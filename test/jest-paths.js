// Maps the tsconfig path aliases (@app/x and @app/x/*) to their folders for jest.
const { compilerOptions } = require('../tsconfig.base.json');

function pathsToModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    if (alias.endsWith('/*')) mapper[`^${alias.slice(0, -2)}/(.*)$`] = `<rootDir>/${target.slice(0, -2)}/$1`;
    else mapper[`^${alias}$`] = `<rootDir>/${target}`;
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
