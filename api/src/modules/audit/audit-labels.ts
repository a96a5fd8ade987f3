// The audit log in words, as the console shows it and the API's export writes it: what each
// operation is called, what an error code means, what kind of record a target is, how a record
// ended. Free of the database, so the console bundles it (i18n tepei.operations, …).
import type { AuditResult } from '@tepei/db/enums';

/** Every operation the API records (its mutation's or file route's name). */
export const auditOperationLabels = {
  login: '登录',
  logout: '退出登录',
  register: '申报人注册',
  createUser: '新建账户',
  setUserDisabled: '停用或启用账户',
  unlockUser: '解除锁定',
  revokeUserSessions: '注销会话',
  createApplication: '新建申报',
  updateApplication: '修改申报',
  submitApplication: '提交申报',
  withdrawApplication: '撤回申报',
  employerReview: '用人单位审核',
  prefectureReview: '地州市审核推荐',
  regionalDecision: '自治区遴选',
  listOnBlacklist: '列入失信名单',
  liftBlacklistEntry: '解除失信名单',
  setModePlaces: '设置名额',
  setAreaAllocation: '分配地区名额',
  updateRound: '修改年度设置',
  createOrientationSession: '安排训前培训',
  recordOrientation: '登记训前培训',
  startTraining: '登记开始培养',
  completeTraining: '登记结业',
  recordClassifiedItem: '登记涉密材料',
  uploadApplicationPhoto: '上传照片',
  uploadEvidence: '上传证明材料',
  uploadForm4Scan: '上传用人单位审核表扫描件',
  uploadForm5Scan: '上传名单汇总表扫描件',
  downloadForm2: '下载学员申报表',
  downloadForm3: '下载申报培养单位志愿表',
  downloadForm4: '下载用人单位审核表',
  downloadForm5: '下载名单汇总表',
  downloadDocument: '下载材料',
  downloadCertificate: '下载结业证书',
  downloadCompletionList: '下载结业名单',
  exportApplications: '导出申报列表',
  exportAuditRecords: '导出审计日志',
  exportUsers: '导出账户列表',
  exportUnits: '导出用人单位列表',
  exportAreas: '导出推荐主管部门列表',
  exportRounds: '导出年度列表',
  exportBlacklist: '导出失信名单',
};

/** What an errorCode of the API means, for the reader of the log. */
export const auditErrorCodeLabels: Record<string, string> = {
  FORBIDDEN: '无权进行此操作',
  UNAUTHENTICATED: '未登录或登录已过期',
  AUTHENTICATION_FAILED: '用户名或密码错误',
  VALIDATION_FAILED: '填写内容有误',
  BAD_USER_INPUT: '请求参数有误',
  BAD_REQUEST: '请求格式有误',
  NOT_FOUND: '记录不存在或无权访问',
  NOT_ELIGIBLE: '不符合申报条件',
  SIGNED_SCANS_MISSING: '缺少签字盖章扫描件',
  RATE_LIMITED: '操作过于频繁，已暂停',
  QUOTA_EXCEEDED: '超出名额',
  ROUND_FINISHED: '该年度已结束',
  DEADLINE_PASSED: '已过截止时间',
  INVALID_TRANSITION: '申报当前状态不允许此操作',
  CONCURRENT_MODIFICATION: '记录已被他人修改',
  CONFLICT: '与已有记录冲突',
  INTERNAL: '服务器内部错误',
};

/** The kinds of record an audit record's target is. */
export const auditTargetTypeLabels: Record<string, string> = {
  Application: '申报',
  User: '账户',
  Round: '年度',
  File: '文件',
  EmployerUnit: '用人单位',
  BlacklistEntry: '失信名单记录',
  Area: '推荐主管部门',
  Document: '材料',
  Session: '会话',
  QuotaAllocation: '名额分配',
  OrientationSession: '训前培训',
  AuditRecord: '审计记录',
};

export const auditResultLabels: Record<AuditResult, string> = { SUCCESS: '成功', REFUSED: '被拒绝', FAILED: '系统错误' };
