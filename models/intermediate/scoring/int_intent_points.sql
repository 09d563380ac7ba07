-- Intent points: buying signals such as pricing, billing and upgrade views.
-- One row per account; the maths lives in macros/pql_component_points.sql.
{{ pql_component_points('intent') }}
