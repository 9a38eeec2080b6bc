/**
 * Completes the generated functions.json: `allowErrorForDataTypeAny` lets Excel pass error cells to
 * parameters of type any (our functions answer them with a message instead of Excel answering the bare
 * error without calling us). custom-functions-metadata has no JSDoc tag for it.
 * @template T
 * @param {T} metadata
 * @returns {T & {allowErrorForDataTypeAny: true}}
 */
function finishMetadata(metadata) {
  return { ...metadata, allowErrorForDataTypeAny: true };
}

/**
 * Makes functions-nl.json from the generated functions.json and the mapping in nl.json: same ids, types
 * and options; Dutch names, descriptions and parameter help. Throws when a function or parameter has no
 * Dutch text, or when the mapping names a function or parameter that no longer exists, so that the two
 * files cannot drift apart. Used by webpack.config.js (build) and by the tests.
 */
("use strict");

/**
 * @param {{functions: Array<{id: string, name: string, description?: string, parameters?: Array<{name: string, description?: string}>, result?: object}>}} metadata
 * @param {{functions: Record<string, {name: string, description: string, parameters?: Record<string, {name: string, description: string}>}>}} mapping
 */
function translateMetadata(metadata, mapping) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(mapping.functions))
    if (!ids.has(id)) problems.push(`nl.json names ${id}, which is not a custom function`);
  const functions = metadata.functions.map((f) => {
    const nl = mapping.functions[f.id];
    if (!nl) {
      problems.push(`no Dutch name for ${f.id}`);
      return f;
    }
    const params = f.parameters ?? [];
    const names = new Set(params.map((p) => p.name));
    for (const p of Object.keys(nl.parameters ?? {}))
      if (!names.has(p))
        problems.push(`nl.json names parameter ${f.id}.${p}, which does not exist`);
    const out = { ...f, name: nl.name, description: nl.description };
    if (params.length > 0)
      out.parameters = params.map((p) => {
        const np = nl.parameters && nl.parameters[p.name];
        if (!np) {
          problems.push(`no Dutch text for parameter ${f.id}.${p.name}`);
          return p;
        }
        return { ...p, name: np.name, description: np.description };
      });
    return out;
  });
  if (problems.length > 0) throw new Error(`functions-nl.json: ${problems.join("; ")}`);
  return { ...metadata, functions };
}

module.exports = { finishMetadata, translateMetadata };
