import { Type } from '@sinclair/typebox';
import type { ElementInstance, SearchQuery } from '../../../engine-api.js';
import type { RestRoute } from '../rest-route.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import { advancedDateTimeFilter, advancedStateFilter, keyFilter, stringFilter } from '../search-query.js';
import { compact, isoDate } from '../wire-format.js';

const filter = Type.Object(
  {
    elementInstanceKey: Type.Optional(keyFilter),
    processInstanceKey: Type.Optional(keyFilter),
    processDefinitionKey: Type.Optional(keyFilter),
    processDefinitionId: Type.Optional(stringFilter),
    elementId: Type.Optional(stringFilter),
    elementName: Type.Optional(stringFilter),
    type: Type.Optional(Type.String()),
    state: Type.Optional(
      advancedStateFilter(
        Type.Union([Type.Literal('ACTIVE'), Type.Literal('COMPLETED'), Type.Literal('TERMINATED')]),
      ),
    ),
    startDate: Type.Optional(advancedDateTimeFilter),
    endDate: Type.Optional(advancedDateTimeFilter),
    hasIncident: Type.Optional(Type.Boolean()),
    incidentKey: Type.Optional(keyFilter),
    tenantId: Type.Optional(stringFilter),
    // The instance the element instances run in directly: a process instance or a scope element instance.
    elementInstanceScopeKey: Type.Optional(keyFilter),
  },
  { additionalProperties: false },
);

const sortFields = [
  'elementInstanceKey',
  'processInstanceKey',
  'processDefinitionKey',
  'processDefinitionId',
  'startDate',
  'endDate',
  'elementId',
  'elementName',
  'type',
  'state',
  'incidentKey',
  'tenantId',
];

function toResult({ flowScopeKey: _scope, ...element }: ElementInstance): object {
  return compact({
    ...element,
    elementName: element.elementName ?? element.elementId,
    startDate: isoDate(element.startDate),
    endDate: isoDate(element.endDate),
  });
}

export const elementInstanceRoutes: RestRoute[] = searchAndGetRoutes({
  path: '/element-instances',
  keyName: 'elementInstanceKey',
  label: 'Element instance',
  filter,
  sortFields,
  dateFields: ['startDate', 'endDate'],
  search: (engine, query: SearchQuery<Partial<ElementInstance> & { elementInstanceScopeKey?: string }>) => {
    const { elementInstanceScopeKey, ...filter } = query.filter ?? {};
    return engine.searchElementInstances({
      ...query,
      filter:
        elementInstanceScopeKey === undefined ? filter : { ...filter, flowScopeKey: elementInstanceScopeKey },
    });
  },
  toResult,
});
