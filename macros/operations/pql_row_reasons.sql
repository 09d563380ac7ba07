{% macro pql_row_reasons() %}
    {#-
        Every reason pql_rejected_rows gives a raw row, by table and outcome: the one
        list, which the mart's test (is_a_row_reason) reads and docs/operations.md
        explains. A model that gives a new reason adds it here.
    -#}
    {{ return({
        'events': {
            'rejected': [
                'no_account', 'unknown_account', 'no_event_name', 'no_event_time', 'event_time_not_a_time',
                'event_time_before_2000', 'event_time_in_future', 'conflicting_duplicate_id',
            ],
            'kept, value cleared': [],
        },
        'accounts': {
            'rejected': ['no_account_id', 'duplicate_account_id'],
            'kept, value cleared': [
                'employee_count_out_of_range', 'employee_count_not_a_number', 'icp_match_not_a_boolean',
                'created_at_not_a_time',
            ],
        },
        'users': {
            'rejected': ['no_user_id', 'no_account', 'unknown_account', 'duplicate_user'],
            'kept, value cleared': ['created_at_not_a_time'],
        },
        'deals': {
            'rejected': ['no_deal_id', 'no_account', 'no_created_at', 'created_at_not_a_time'],
            'kept, value cleared': ['closed_at_not_a_time', 'is_won_not_a_boolean', 'amount_not_a_number'],
        },
        'dispositions': {
            'rejected': ['no_account', 'no_disposition', 'no_recorded_at', 'recorded_at_not_a_time', 'unknown_disposition'],
            'kept, value cleared': [],
        },
    }) }}
{% endmacro %}
