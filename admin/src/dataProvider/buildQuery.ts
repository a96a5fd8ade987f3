// ra-data-graphql's buildQuery over the API's schema: getList and getManyReference read a relay
// connection one page at a time (`first` = perPage, `offset` = the rows before the page, see
// pagination.ts), getOne and getMany read `node(id)` / `nodes(ids)`. The console only reads
// through the data provider; it changes data through the review mutations (reviews.ts).
import { parse } from 'graphql';
import { GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, type GetListParams, type SortPayload } from 'react-admin';
import type { BuildQuery, BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import { ApiError } from './errors.ts';
import { pageArguments } from './pagination.ts';
import { resourceSpec, type ResourceSpec } from './resources.ts';

function declarations(spec: ResourceSpec, extra: Record<string, string>): string {
  const all = { ...extra, ...spec.argumentTypes };
  return Object.entries(all)
    .map(([name, type]) => `$${name}: ${type}`)
    .join(', ');
}

function passing(spec: ResourceSpec, extra: string[]): string {
  return [...extra, ...Object.keys(spec.argumentTypes)].map((name) => `${name}: $${name}`).join(', ');
}

/** The connection query of a resource, selecting `selection` on the connection. */
export function connectionQuery(resource: string, spec: ResourceSpec, selection: string) {
  const variables = declarations(spec, { first: 'Int', after: 'String', offset: 'Int' });
  return parse(`query ${resource}Page(${variables}) { page: ${spec.root}(${passing(spec, ['first', 'after', 'offset'])}) { ${selection} } }`);
}

function listQuery(resource: string, params: GetListParams, filter: Record<string, unknown>): BuildQueryResult {
  const spec = resourceSpec(resource);
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (!spec.paginated) return wholeList(resource, spec, page, perPage, params.sort, filter);
  return {
    query: connectionQuery(resource, spec, `totalCount edges { node { ${spec.listFields} } }`),
    variables: { ...pageArguments(params), ...spec.toArguments(filter, params.sort) },
    parseResponse: ({ data }) => ({
      data: data.page.edges.map((edge: { node: unknown }) => edge.node),
      total: data.page.totalCount,
    }),
  };
}

/** A short list the API returns whole (areas, rounds), filtered by its arguments: react-admin's page and sort applied here. */
function wholeList(resource: string, spec: ResourceSpec, page: number, perPage: number, sort: SortPayload | undefined, filter: Record<string, unknown>): BuildQueryResult {
  const variables = declarations(spec, {});
  const args = passing(spec, []);
  return {
    query: parse(`query ${resource}List${variables ? `(${variables})` : ''} { rows: ${spec.root}${args ? `(${args})` : ''} { ${spec.listFields} } }`),
    variables: spec.toArguments(filter, sort),
    parseResponse: ({ data }) => {
      const rows = [...(data.rows as Record<string, unknown>[])];
      if (sort?.field) {
        const direction = sort.order === 'DESC' ? -1 : 1;
        rows.sort((a, b) => String(a[sort.field] ?? '').localeCompare(String(b[sort.field] ?? ''), 'zh-CN') * direction);
      }
      return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
    },
  };
}

function nodeQuery(spec: ResourceSpec, resource: string, id: unknown): BuildQueryResult {
  if (!spec.nodeType) throw new ApiError('该类记录不能单独查看', 'NOT_A_NODE');
  return {
    query: parse(`query ${resource}One($id: ID!) { node(id: $id) { __typename ... on ${spec.nodeType} { ${spec.oneFields ?? spec.listFields} } } }`),
    variables: { id },
    parseResponse: ({ data }) => {
      if (!data.node) throw new ApiError('记录不存在或无权访问', 'NOT_FOUND', 404);
      return { data: data.node };
    },
  };
}

function nodesQuery(spec: ResourceSpec, resource: string, ids: unknown[]): BuildQueryResult {
  if (!spec.nodeType) throw new ApiError('该类记录不能按编号查询', 'NOT_A_NODE');
  return {
    query: parse(`query ${resource}Many($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on ${spec.nodeType} { ${spec.listFields} } } }`),
    variables: { ids },
    parseResponse: ({ data }) => ({ data: (data.nodes as unknown[]).filter(Boolean) }),
  };
}

export const buildQueryFactory: BuildQueryFactory = () => {
  const buildQuery: BuildQuery = (fetchType, resource, params) => {
    const spec = resourceSpec(resource);
    switch (fetchType) {
      case GET_LIST:
        return listQuery(resource, params, params.filter ?? {});
      case GET_MANY_REFERENCE:
        return listQuery(resource, params, { ...(params.filter ?? {}), [params.target]: params.id });
      case GET_ONE:
        return nodeQuery(spec, resource, params.id);
      case GET_MANY:
        return nodesQuery(spec, resource, params.ids);
      default:
        throw new ApiError('管理台只读取数据；审核等操作请使用页面上的按钮', 'READ_ONLY');
    }
  };
  return buildQuery;
};
