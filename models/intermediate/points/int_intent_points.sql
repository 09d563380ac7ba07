-- Intent points: buying signals such as pricing, billing and upgrade views.
-- One row per account; the maths lives in macros/pql_component_points.sql.
-- A view: only int_account_scores reads it, so writing it out would cost more than it saves.
{{ config(materialized='view') }}
{{ pql_component_points('intent') }}
