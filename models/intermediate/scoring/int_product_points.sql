-- Product points: activation, depth and breadth of use in the product.
-- One row per account; the maths lives in macros/pql_component_points.sql.
{{ pql_component_points('product') }}
