update timesheet_line
   set work_date = :date,
       start_time = :start,
       end_time = :end,
       project_id = :projectId,
       project_number = :projectNumber,
       activity_id = :activityId,
       service_code_id = :serviceCodeId,
       activity_code = :activityCode,
       trade_id = :tradeId,
       trade_code = :tradeCode,
       hours = :hours,
       hour_type_code = :hourTypeCode,
       updated_at = :now
 where id = :lineId
   and timesheet_id = :timesheetId
