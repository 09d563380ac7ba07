-- Fit points: how closely the account's firmographics match the ideal customer.
-- One row per account; the maths lives in macros/pql_component_points.sql.
{{ pql_component_points('fit') }}
