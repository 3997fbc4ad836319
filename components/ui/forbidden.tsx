/**
 * What a signed-in user sees on a page their role may not open (the server refuses the data too): by default "your
 * role cannot open {what}", or the page's own `message` where it can say where to look instead.
 */
export function Forbidden({ what, message }: { what?: string; message?: string }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-900">
      <h1 className="text-lg font-semibold">无权限</h1>
      <p className="mt-2 text-sm">{message ?? `您的角色不能访问${what ?? '此页面'}。如需开通，请联系系统管理员。`}</p>
    </div>
  );
}
