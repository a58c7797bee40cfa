insert into timesheet_line (id, timesheet_id, position, work_date, start_time, end_time, project_id, project_number,
                            activity_id, service_code_id, activity_code, trade_id, trade_code, hours, hour_type_code,
                            updated_at)
values (:lineId, :timesheetId, :position, :date, :start, :end, :projectId, :projectNumber,
        :activityId, :serviceCodeId, :activityCode, :tradeId, :tradeCode, :hours, :hourTypeCode,
        :now)
