-- Product points: activation, depth and breadth of use in the product.
-- One row per account; the maths lives in macros/pql_component_points.sql.
-- A view: only int_account_scores reads it, so writing it out would cost more than it saves.
{{ config(materialized='view') }}
{{ pql_component_points('product') }}
